import { Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import { zhCN } from '../locale/zh-CN';

export interface ReasonDialogProps<F extends object> {
  open: boolean;
  title: string;
  /** Extra fields above the reason (e.g. lockdown mode); their values reach `onSubmit`. */
  children?: ReactNode;
  note?: ReactNode;
  reasonLabel?: string;
  initialValues?: Partial<F>;
  onSubmit: (values: F & { reason: string }) => Promise<void>;
  onClose: () => void;
  testId: string;
}

/**
 * Every staff action that changes something asks why: the reason is required, goes with the request
 * and into the audit log. The bank's refusal (e.g. 需要主管权限) is shown in the dialog.
 */
export function ReasonDialog<F extends object>(p: ReasonDialogProps<F>) {
  const [form] = Form.useForm<F & { reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    let values: F & { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setError(null);
    try {
      await p.onSubmit(values);
      form.resetFields();
      p.onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={p.open}
      title={p.title}
      onOk={submit}
      onCancel={p.onClose}
      okText={zhCN.app.confirm}
      cancelText={zhCN.app.cancel}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': `${p.testId}-ok` } as Record<string, string>}
    >
      <div data-testid={p.testId}>
        {p.note}
        <Form form={form} layout="vertical" initialValues={p.initialValues as object} preserve={false}>
          {p.children}
          <Form.Item
            name="reason"
            label={p.reasonLabel ?? zhCN.app.reason}
            rules={[{ required: true, whitespace: true, message: zhCN.app.reasonRequired }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={200}
              placeholder={zhCN.app.reasonPlaceholder}
              data-testid={`${p.testId}-reason`}
            />
          </Form.Item>
        </Form>
        {error && (
          <div className="lj-error" role="alert" data-testid={`${p.testId}-error`}>
            {error}
          </div>
        )}
      </div>
    </Modal>
  );
}
