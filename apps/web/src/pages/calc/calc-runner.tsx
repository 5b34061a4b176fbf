import { CalculatorOutlined, FormatPainterOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { runCalc } from '../../api';
import { type CalcFailure, calcFailureOf, calcFailureOfBody } from './calc-error';
import { CalcOutput } from './calc-output';

const pretty = (v: unknown) => (v === undefined ? '{\n  \n}' : JSON.stringify(v, null, 2));

/** Edits one calculation's JSON input, runs it and shows the answer with its explanation. */
export function CalcRunner({ name, exampleInput }: { name: string; exampleInput: unknown }) {
  const [text, setText] = useState(pretty(exampleInput));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [output, setOutput] = useState<unknown>(undefined);
  const [failure, setFailure] = useState<CalcFailure | null>(null);

  useEffect(() => {
    setText(pretty(exampleInput));
    setOutput(undefined);
    setFailure(null);
    setJsonError(null);
  }, [exampleInput]);

  const parse = (): { ok: true; value: unknown } | { ok: false } => {
    try {
      const value: unknown = JSON.parse(text);
      setJsonError(null);
      return { ok: true, value };
    } catch (err) {
      setJsonError(`JSON 格式错误：${(err as Error).message}`);
      return { ok: false };
    }
  };

  const run = async () => {
    const parsed = parse();
    if (!parsed.ok) return;
    setRunning(true);
    setFailure(null);
    setOutput(undefined);
    try {
      const res = await runCalc(name, parsed.value);
      const fail = res.ok ? calcFailureOf(res.output) : calcFailureOfBody(res.error);
      if (fail) setFailure(fail);
      else if (res.ok) setOutput(res.output);
    } catch (err) {
      setFailure(calcFailureOf(err));
    } finally {
      setRunning(false);
    }
  };

  const format = () => {
    const parsed = parse();
    if (parsed.ok) setText(pretty(parsed.value));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Text strong>输入（JSON）</Typography.Text>
        <Input.TextArea
          className="ecep-mono"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 10, maxRows: 24 }}
          spellCheck={false}
          status={jsonError ? 'error' : undefined}
          style={{ marginTop: 4, fontSize: 13 }}
          data-testid="calc-input"
        />
        {jsonError && <Typography.Text type="danger">{jsonError}</Typography.Text>}
      </div>
      <Space>
        <Button
          type="primary"
          icon={<CalculatorOutlined />}
          loading={running}
          onClick={run}
          data-testid="calc-run"
        >
          计算
        </Button>
        <Button icon={<FormatPainterOutlined />} onClick={format}>
          格式化
        </Button>
        <Button icon={<UndoOutlined />} onClick={() => setText(pretty(exampleInput))}>
          恢复示例
        </Button>
      </Space>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={
            <span>
              计算失败：<span className="ecep-mono">{failure.code}</span>
            </span>
          }
          description={
            <>
              <div>{failure.message}</div>
              {failure.path !== null && (
                <div>
                  出错位置：<span className="ecep-mono">{failure.path || '（整个输入）'}</span>
                </div>
              )}
            </>
          }
        />
      )}
      {output !== undefined && <CalcOutput output={output} />}
    </Space>
  );
}
